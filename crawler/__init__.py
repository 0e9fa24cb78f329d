"""portalwatch: content monitoring for Chinese government portals."""
