"""Start-up and small dialogs: welcome/create, unlock, about, change passphrase."""
