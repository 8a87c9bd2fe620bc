"""What people and programs receive: JSON Lines records, French summaries,
sheets and packs."""
