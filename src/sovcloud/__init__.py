"""sovcloud: a sourced, queryable knowledge base of the sovereign cloud market."""

__version__ = "0.2.0"
