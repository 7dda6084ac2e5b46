"""The rules of the product: plain Python, no Qt, no SQL."""
