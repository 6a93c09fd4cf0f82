"""The geographic map of the Géographie page: pure builders, and the one module asking the store.

levels (what a territory is cut into, what a click opens, the breadcrumb), measures (a number per
shape), scale (classes and colours), shapes (rings, anchors, overseas insets, hit points), points
(the actors' circles), tiles (the optional basemap), figure (the plotly figure as a dict), and
questions (the store's answers). `ecosystem.ui.views.geo.geo_view` puts them together.
"""
