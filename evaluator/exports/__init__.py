"""What the office publishes: the results workbook, the report draft and its charts."""
