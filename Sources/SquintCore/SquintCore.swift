/// Squint's shared client core. Built by the targets' own files.
