"""Every periodic task, in one place. Each entry's `expires` is no longer than its interval."""

BEAT_SCHEDULE = {
    # Every minute: enqueue documents still pending a minute after they were requested
    # (the broker was down at commit time, or their message was lost).
    "documents-sweep": {
        "task": "documents.sweep",
        "schedule": 60.0,
        "options": {"expires": 60},
    },
}
