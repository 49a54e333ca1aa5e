"""The pages' views: thin, each reads through a selector or writes through a service of the apps.

public.py (home and its searches), account.py (signing in and out), start.py (each role's start page), errors.py;
one module per role section: business.py, technician.py, officer.py, inspector.py (web/sections.py says how)."""
