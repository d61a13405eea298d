"""Small widgets several rooms share (the composer, the outpaint dialog, the mask painter, the
detail panel): labels with a theme role, a row of chips, a layout that wraps."""
