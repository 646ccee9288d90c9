"""Named queries: the catalog of ``.rq`` files, running them with bound
parameters, the cache of whole-store answers, and ``show``."""
