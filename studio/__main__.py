from studio.app import launch

launch()
