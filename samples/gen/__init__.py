"""Content banks, document model, writers and truth of the sample generator."""
