// HTMLExport module.
