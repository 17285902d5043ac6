"""Dialogs of the application shell and the screens."""
