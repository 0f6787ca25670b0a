-- Each service owns its database (DESIGN §7).
CREATE DATABASE registry;
CREATE DATABASE payout;
CREATE DATABASE gateway;
