"""Pictures on screen, shared by the detail viewer and the mask painter: decoded pictures with
their halved copies, the checkerboard behind transparent pixels, which source pixels cover a
visible area, and zooming with the wheel around the pointer."""
