// OsteoDoc module.
