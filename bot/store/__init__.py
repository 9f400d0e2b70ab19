"""What the bot keeps on disk: the question log (`questions`) and what it teaches (`report`)."""
