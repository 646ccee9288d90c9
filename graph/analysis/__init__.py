"""Analysis over the partnership graph: the gap register, routes and chains
of accountability, brokers, and the networkx projection they share."""
