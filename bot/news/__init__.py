"""Series news: fetching feeds, parsing them, recognising series, classifying items."""
