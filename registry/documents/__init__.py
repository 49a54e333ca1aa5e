"""The documents the registry issues, one package per kind: its `kind` (the adapter `certificates` calls: what the
document states, the data its renderer needs) beside its pure `renderer` (data in, PDF bytes out); and `access`,
the registry's answer to who may read, download and manage documents."""
