// Typesetting module.
