"""The domain layer: NIR, carte Vitale, code, number words, masking, opening hours, identities."""
