"""The application around the features: start-up, the main window and its pages, the first-run
wizard, settings, reports, the about box, offscreen screenshots."""
