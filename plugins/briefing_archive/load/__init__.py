"""Stage 1: read an archive folder, check every file and every reference, and build the model."""
