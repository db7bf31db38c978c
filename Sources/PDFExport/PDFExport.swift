// PDFExport module.
