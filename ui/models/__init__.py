"""Qt item models over the core's data, one module per kind of table."""
