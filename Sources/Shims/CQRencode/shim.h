// libqrencode (Debian: libqrencode-dev), used only by Sources/QRCode/QRCode.swift.
#include <qrencode.h>
