// libturbojpeg (Debian: libturbojpeg0-dev), used only by Sources/ScanReading/JPEGDecoder.swift.
#include <turbojpeg.h>
