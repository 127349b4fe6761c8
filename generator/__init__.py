"""gongkai: a static-site generator for land and house expropriation (征收) disclosure sites."""
