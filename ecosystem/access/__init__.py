"""Who may do what in a shared instance: roles, local accounts, logins, and the check every write passes.

- `roles`: the three roles, who a visitor is (`Principal`), and `require(principal, action, target)`;
- `passwords`: argon2 hashing (never a password in a log or a file);
- `accounts`: the local accounts file, beside the stores in the state folder;
- `throttle`: failed logins slowed down per name and per address;
- `serving`: which authentication is on, and whether this address may be served at all;
- `errors`: the errors a person sees, in French and English.
"""
