"""Admin customisations for site-wide pieces.

Taxonomy snippets are registered by the apps that own them and grouped in the admin
menu there; site settings register themselves through `@register_setting`.
"""
