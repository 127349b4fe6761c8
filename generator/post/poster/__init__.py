"""一图读懂 posters: layout (SVG), font (the shipped CJK font), raster (PNG), write (the post-processor)."""
