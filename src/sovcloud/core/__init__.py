"""The catalogue's own vocabulary and rules, in the standard library only: what a scheme
says, and whether a certification holds on a day. Nothing here imports a layer above it."""
