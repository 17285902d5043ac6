"""PySide6 views over the evaluator core."""
