"""What operators see of a running bot: health, metrics, the HTTP server that serves them."""
