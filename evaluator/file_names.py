"""File names made from people's and groups' names."""

from __future__ import annotations


def safe_file_name(text: str) -> str:
    """`text` with every character but letters (Chinese included), digits, '-' and '_'
    replaced by '_', so it is a valid file name on Windows, macOS and Linux."""
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)
