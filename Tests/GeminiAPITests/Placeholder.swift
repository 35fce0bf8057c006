// Tests for this target arrive with its first code; SwiftPM needs one source file meanwhile.
