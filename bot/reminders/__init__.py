"""Episode reminders: which airings are due for which chat, in the chat's time zone."""
