// libzbar (Debian: libzbar-dev), used only by Sources/ScanReading/QRReader.swift.
#include <zbar.h>
