"""Zonewatch dashboard entry point (placeholder until the dashboard lands)."""

import streamlit as st

st.set_page_config(page_title="Zonewatch", layout="wide")
st.title("Zonewatch")
st.write("Dashboard under construction.")
