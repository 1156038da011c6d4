"""The TV catalogue: TVmaze client, importing shows, searching, following, syncing."""
