"""History and undo: earlier versions of each dataset kept beside the store, and the reload guard.

- `archive`: each dataset's last versions (default 10, ECOSYSTEM_HISTORY_VERSIONS), a removed dataset
  kept until purged;
- `guard`: a reload that would drop more than a fifth of a dataset's actors, or all of them, is
  refused unless forced, with what would go.
"""
