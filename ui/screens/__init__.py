"""One module per stage of the year's work; each defines `Screen` (see ui.context)."""
