// PDFWriter module.
