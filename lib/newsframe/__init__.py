"""newsframe: news articles into analysable tables."""
