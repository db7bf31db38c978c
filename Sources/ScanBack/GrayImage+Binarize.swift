import ScanReading

extension GrayImage {
    /// Black and white at Otsu's threshold (the grey level that best separates ink from paper).
    /// Written here rather than taken from an imaging library: twenty lines over a histogram, and
    /// the only image operation the scan reading needs besides zbar's.
    func binarized() -> GrayImage {
        var histogram = [Int](repeating: 0, count: 256)
        for v in pixels { histogram[Int(v)] += 1 }
        let total = Double(pixels.count)
        var sumAll = 0.0
        for (level, count) in histogram.enumerated() { sumAll += Double(level * count) }
        var weightBelow = 0.0, sumBelow = 0.0, best = 0.0, threshold = 128
        for level in 0..<256 {
            weightBelow += Double(histogram[level])
            guard weightBelow > 0, weightBelow < total else { continue }
            sumBelow += Double(level * histogram[level])
            let meanBelow = sumBelow / weightBelow, meanAbove = (sumAll - sumBelow) / (total - weightBelow)
            let between = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) * (meanBelow - meanAbove)
            if between > best { best = between; threshold = level }
        }
        var copy = self
        for i in copy.pixels.indices { copy.pixels[i] = copy.pixels[i] <= threshold ? 0 : 255 }
        return copy
    }
}
