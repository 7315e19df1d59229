codes e0104
