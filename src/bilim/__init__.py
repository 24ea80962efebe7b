"""Bilim: the platform of the national network of Civic and Digital Education Centers."""
