"""Page understanding: pure functions over HTML text and URLs, no network, no storage."""
