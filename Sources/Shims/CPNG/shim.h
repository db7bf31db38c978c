// libpng (Debian: libpng-dev), used only by Sources/ScanReading/PNGDecoder.swift.
#include <png.h>
